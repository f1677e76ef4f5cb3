// Debian's libblas-dev installs cblas.h into the multiarch include directory.
#include <cblas.h>
