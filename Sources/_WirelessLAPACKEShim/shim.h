// LAPACKE and CBLAS (OpenBLAS). Not API: use WirelessLinearAlgebra.
#include <lapacke.h>
#include <cblas.h>
