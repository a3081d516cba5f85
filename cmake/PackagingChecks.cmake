# Read by cpack before it builds a package (CPACK_PROJECT_CONFIG_FILE, cmake/Packaging.cmake):
# refuses the builds a package must not be made from.
if(CPACK_RNNWB_NATIVE)
  message(FATAL_ERROR "this build directory has RNNWB_NATIVE=ON (-march=native): its programs need "
                      "this machine's CPU. Package a build configured with -DRNNWB_NATIVE=OFF.")
endif()
if(NOT CPACK_RNNWB_BUILD_TYPE STREQUAL "Release")
  message(FATAL_ERROR "this build directory is a '${CPACK_RNNWB_BUILD_TYPE}' build: package a "
                      "build configured with -DCMAKE_BUILD_TYPE=Release.")
endif()
