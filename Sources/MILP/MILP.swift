// The MILP modelling layer over GLPK.
