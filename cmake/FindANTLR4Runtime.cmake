# FindANTLR4Runtime.cmake -- the Debian libantlr4-runtime-dev package.
#
# Defines the imported target ANTLR4::runtime and ANTLR4Runtime_VERSION.
find_path(ANTLR4Runtime_INCLUDE_DIR NAMES antlr4-runtime.h PATH_SUFFIXES antlr4-runtime)
find_library(ANTLR4Runtime_LIBRARY NAMES antlr4-runtime)

if(ANTLR4Runtime_LIBRARY)
  get_filename_component(_antlr_real "${ANTLR4Runtime_LIBRARY}" REALPATH)
  string(REGEX MATCH "so\\.([0-9.]+)$" _m "${_antlr_real}")
  set(ANTLR4Runtime_VERSION "${CMAKE_MATCH_1}")
endif()

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(ANTLR4Runtime
  REQUIRED_VARS ANTLR4Runtime_LIBRARY ANTLR4Runtime_INCLUDE_DIR)

if(ANTLR4Runtime_FOUND AND NOT TARGET ANTLR4::runtime)
  add_library(ANTLR4::runtime UNKNOWN IMPORTED)
  set_target_properties(ANTLR4::runtime PROPERTIES
    IMPORTED_LOCATION "${ANTLR4Runtime_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${ANTLR4Runtime_INCLUDE_DIR}")
endif()
mark_as_advanced(ANTLR4Runtime_INCLUDE_DIR ANTLR4Runtime_LIBRARY)
