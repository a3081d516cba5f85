# One INTERFACE target that every project target links: warnings, Qt hygiene defines
# and the optional native tuning. Keeps flags out of the per-target CMakeLists.
add_library(rnnwb_common INTERFACE)
target_compile_options(rnnwb_common INTERFACE
  -Wall -Wextra -Wpedantic -Wno-deprecated-enum-enum-conversion)
target_compile_definitions(rnnwb_common INTERFACE
  QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII QT_NO_CONTEXTLESS_CONNECT
  QT_NO_URL_CAST_FROM_STRING QT_USE_QSTRINGBUILDER
  RNNWB_VERSION="${PROJECT_VERSION}")
if(RNNWB_NATIVE)
  target_compile_options(rnnwb_common INTERFACE -march=native)
endif()

# Both cores in the large matrix products of the numerical core: Eigen splits a big GEMM's
# result columns over OpenMP threads (each element still sums in one fixed order, so results
# are bit-identical for a given thread count; OMP_NUM_THREADS=1 gives the serial path).
# Small products (under ~50k multiply-adds per thread) stay serial. src/core links it.
# Off by default: on a loaded machine (the app's GUI thread, other processes) libgomp's
# spinning team made the bench configurations 5-50x slower; turn it on for an idle box.
option(RNNWB_OPENMP "Use OpenMP threads in the large matrix products (libgomp comes with g++)" OFF)
if(RNNWB_OPENMP)
  find_package(OpenMP COMPONENTS CXX)
endif()
