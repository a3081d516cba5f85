# One INTERFACE target that every project target links: warnings, Qt hygiene defines
# and the optional native tuning. Keeps flags out of the per-target CMakeLists.
add_library(rnnwb_common INTERFACE)
target_compile_options(rnnwb_common INTERFACE
  -Wall -Wextra -Wpedantic -Wno-deprecated-enum-enum-conversion)
# Eigen multiplies small dynamic-size matrices (rows + cols + depth < 20) coefficient by
# coefficient and larger ones with its blocked GEMM, which round differently. A layer's input
# projection would then give a column different bits depending on how many columns are in the
# product (8 windows or 16), and a backtest origin would not reproduce the run's prediction.
# Always the GEMM: the coefficient path only ever wins on products too small to matter here.
target_compile_definitions(rnnwb_common INTERFACE
  EIGEN_GEMM_TO_COEFFBASED_THRESHOLD=0
  QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII QT_NO_CONTEXTLESS_CONNECT
  QT_NO_URL_CAST_FROM_STRING QT_USE_QSTRINGBUILDER
  RNNWB_VERSION="${PROJECT_VERSION}")
if(RNNWB_NATIVE)
  # GCC 12's own avx512fintrin.h initialises its undefined-vector helpers from themselves
  # (`__m512d __Y = __Y;`), which -Wmaybe-uninitialized reports wherever Eigen's AVX-512 code is
  # inlined: pages of warnings about a system header. The portable build keeps the warning.
  target_compile_options(rnnwb_common INTERFACE -march=native
    $<$<CXX_COMPILER_ID:GNU>:-Wno-maybe-uninitialized>)
endif()
