# Installation and the Debian package: `cpack -G DEB` in a Release build directory gives
# rnn-workbench_<version>_<arch>.deb with both programs, the desktop entry, the AppStream
# metainfo, the MIME type of .rnnwb projects, hicolor icons, man pages, copyright and changelog.
# The package's dependencies come from dpkg-shlibdeps (Debian's dpkg-dev).
# Sources of every file are in packaging/ (see the comments there); tests/packaging checks them.
include(GNUInstallDirs)

set(RNNWB_APP_ID io.github.rnnwb.RnnWorkbench) # desktop id, AppStream id and icon name
set(RNNWB_ICON_SIZES 16 32 48 64 128 256)
set(rnnwb_packaging_src ${PROJECT_SOURCE_DIR}/packaging)
set(rnnwb_packaging_out ${PROJECT_BINARY_DIR}/packaging)
set(rnnwb_doc_dir ${CMAKE_INSTALL_DATADIR}/doc/rnn-workbench)
set(rnnwb_generated_files)

# A copy of `source` compressed the way Debian wants documentation (gzip -9, no name or time
# stamp, so the package is reproducible), as ${rnnwb_packaging_out}/<name>.gz.
find_program(RNNWB_GZIP gzip REQUIRED)
function(rnnwb_gzipped source name out_var)
  set(copy ${rnnwb_packaging_out}/gz/${name})
  add_custom_command(OUTPUT ${copy}.gz
    COMMAND ${CMAKE_COMMAND} -E copy ${source} ${copy}
    COMMAND ${RNNWB_GZIP} -9nf ${copy}
    DEPENDS ${source}
    COMMENT "Compressing ${name}"
    VERBATIM)
  set(${out_var} ${copy}.gz PARENT_SCOPE)
endfunction()

# --- programs ----------------------------------------------------------------------------
# rnnwb installs itself (src/cli); the app is installed here.
if(TARGET rnn-workbench)
  install(TARGETS rnn-workbench RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
endif()

# --- man pages, copyright, changelog ---------------------------------------------------------
set(rnnwb_man_pages rnnwb.1)
if(TARGET rnn-workbench)
  list(APPEND rnnwb_man_pages rnn-workbench.1)
endif()
foreach(page IN LISTS rnnwb_man_pages)
  rnnwb_gzipped(${rnnwb_packaging_src}/man/${page} ${page} gz)
  install(FILES ${gz} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
  list(APPEND rnnwb_generated_files ${gz})
endforeach()

rnnwb_gzipped(${rnnwb_packaging_src}/changelog changelog gz)
install(FILES ${gz} DESTINATION ${rnnwb_doc_dir})
list(APPEND rnnwb_generated_files ${gz})
install(FILES ${rnnwb_packaging_src}/copyright DESTINATION ${rnnwb_doc_dir})

# --- desktop integration of the app ------------------------------------------------------------
if(TARGET rnn-workbench)
  install(FILES ${rnnwb_packaging_src}/${RNNWB_APP_ID}.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
  install(FILES ${rnnwb_packaging_src}/${RNNWB_APP_ID}.metainfo.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
  install(FILES ${rnnwb_packaging_src}/${RNNWB_APP_ID}.mime.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/mime/packages
          RENAME ${RNNWB_APP_ID}.xml)

  # The icon is drawn once, as SVG; the PNG sizes are rendered from it at build time.
  set(svg ${rnnwb_packaging_src}/icons/${RNNWB_APP_ID}.svg)
  install(FILES ${svg} DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
  find_program(RNNWB_RSVG_CONVERT rsvg-convert)
  if(RNNWB_RSVG_CONVERT)
    foreach(size IN LISTS RNNWB_ICON_SIZES)
      set(png ${rnnwb_packaging_out}/icons/${size}x${size}/${RNNWB_APP_ID}.png)
      add_custom_command(OUTPUT ${png}
        COMMAND ${CMAKE_COMMAND} -E make_directory ${rnnwb_packaging_out}/icons/${size}x${size}
        COMMAND ${RNNWB_RSVG_CONVERT} --width ${size} --height ${size} --output ${png} ${svg}
        DEPENDS ${svg}
        COMMENT "Rendering the ${size}x${size} icon"
        VERBATIM)
      install(FILES ${png} DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps)
      list(APPEND rnnwb_generated_files ${png})
    endforeach()
  else()
    message(WARNING "rsvg-convert (Debian package librsvg2-bin) not found: the PNG icons are left out "
                    "of the installation and the package; only the SVG icon is installed")
  endif()
endif()

add_custom_target(rnnwb_packaging_files ALL DEPENDS ${rnnwb_generated_files})

# --- the Debian package ---------------------------------------------------------------------------
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME rnn-workbench)
set(CPACK_PACKAGE_VENDOR "The RNN Workbench contributors")
set(CPACK_PACKAGE_CONTACT "RNN Workbench maintainers <maintainers@users.noreply.r-seed-b6d1d07e.example>")
set(CPACK_PACKAGE_HOMEPAGE_URL "https://github.com/rnnwb/rnn-workbench")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "workbench for time-series forecasting with recurrent networks")
# The extended description, as dpkg shows it: lines of at most 80 characters.
set(CPACK_PACKAGE_DESCRIPTION
  "RNN Workbench trains LSTM, GRU and Elman RNN networks, written in C++ with
Eigen and numerically matched to PyTorch, on one column of a CSV file.
The desktop app, rnn-workbench, shows the loss falling live, the
predictions over the real series, forecasts with prediction bands, metrics
against four baselines, and teaching views of the gates, states and
gradients inside the network. The command-line tool, rnnwb, trains,
predicts, forecasts and inspects models headlessly. Models are safetensors
files under PyTorch's parameter names.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
# Qt's own strings in Chinese, the Wayland platform; PyTorch runs the exported scripts.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-translations-l10n, qt6-wayland, fonts-noto-cjk | fonts-wqy-microhei")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "python3-torch, python3-numpy")
# Read by cmake/PackagingChecks.cmake when cpack runs: a package is built for every x86-64
# CPU, from an optimised build.
set(CPACK_RNNWB_NATIVE ${RNNWB_NATIVE})
set(CPACK_RNNWB_BUILD_TYPE "${CMAKE_BUILD_TYPE}")
set(CPACK_PROJECT_CONFIG_FILE ${CMAKE_CURRENT_LIST_DIR}/PackagingChecks.cmake)
include(CPack)
