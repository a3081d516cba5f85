# RNNWB_FUZZ: build the libFuzzer harnesses of tests/fuzz (clang only, e.g.
#   cmake -B build-fuzz -DCMAKE_CXX_COMPILER=clang++-14 -DRNNWB_FUZZ=ON -DRNNWB_BUILD_APP=OFF).
# Every target is then compiled with coverage feedback for libFuzzer plus AddressSanitizer
# and UndefinedBehaviorSanitizer (UB aborts, so the fuzzer sees it as a crash); the harness
# executables add the libFuzzer driver (tests/fuzz/CMakeLists.txt).
if(NOT RNNWB_FUZZ)
  return()
endif()
if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
  message(FATAL_ERROR "RNNWB_FUZZ needs clang (libFuzzer): configure with "
                      "-DCMAKE_CXX_COMPILER=clang++-14")
endif()
add_compile_options(-fsanitize=fuzzer-no-link,address,undefined
                    -fno-sanitize-recover=undefined -fno-omit-frame-pointer -g)
add_link_options(-fsanitize=address,undefined)
