#ifndef VISITPLAN_CGLPK_SHIM_H
#define VISITPLAN_CGLPK_SHIM_H
#include <glpk.h>
#endif
