# CPACK_INSTALL_SCRIPTS for the package_install test: installs the build tree as it is built.
# `cpack` on its own first builds the "preinstall" target, which builds everything (every test
# too); the test packages the programs already built instead. The install rules, the CPack
# settings and PackagingChecks.cmake are the same as for `cpack -G DEB`.
# cpack sets DESTDIR to its staging directory and CPACK_PACKAGING_INSTALL_PREFIX to /usr.
if(NOT RNNWB_BUILD_TREE)
  message(FATAL_ERROR "pass -D RNNWB_BUILD_TREE=<build directory> to cpack")
endif()
set(CMAKE_INSTALL_PREFIX "${CPACK_PACKAGING_INSTALL_PREFIX}")
set(CMAKE_INSTALL_DO_STRIP "${CPACK_STRIP_FILES}")
include("${RNNWB_BUILD_TREE}/cmake_install.cmake")
