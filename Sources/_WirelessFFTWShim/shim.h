// FFTW 3 (double and single precision). Not API: use WirelessFFT.
#include <fftw3.h>
