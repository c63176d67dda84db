#ifndef VISITPLAN_CGLPK_SHIM_H
#define VISITPLAN_CGLPK_SHIM_H
#include <glpk.h>
#if defined(__linux__)
/* malloc_trim: Swift's Glibc module does not export it; MILP's MemoryRelease calls it. */
#include <malloc.h>
#endif
#endif
