# FindZ3.cmake -- Debian's libz3-dev ships no CMake package config.
#
# Defines the imported target Z3::z3 and Z3_FOUND, Z3_INCLUDE_DIR,
# Z3_LIBRARY, Z3_VERSION_STRING.
find_path(Z3_INCLUDE_DIR NAMES z3++.h z3.h PATH_SUFFIXES z3)
find_library(Z3_LIBRARY NAMES z3 libz3)

if(Z3_INCLUDE_DIR AND EXISTS "${Z3_INCLUDE_DIR}/z3_version.h")
  file(STRINGS "${Z3_INCLUDE_DIR}/z3_version.h" _z3_version_lines REGEX "#define Z3_(MAJOR|MINOR|BUILD)_(VERSION|NUMBER)")
  foreach(_part MAJOR MINOR BUILD)
    string(REGEX MATCH "Z3_${_part}_[A-Z]+ +([0-9]+)" _m "${_z3_version_lines}")
    set(_z3_${_part} "${CMAKE_MATCH_1}")
  endforeach()
  set(Z3_VERSION_STRING "${_z3_MAJOR}.${_z3_MINOR}.${_z3_BUILD}")
endif()

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(Z3
  REQUIRED_VARS Z3_LIBRARY Z3_INCLUDE_DIR
  VERSION_VAR Z3_VERSION_STRING)

if(Z3_FOUND AND NOT TARGET Z3::z3)
  add_library(Z3::z3 UNKNOWN IMPORTED)
  set_target_properties(Z3::z3 PROPERTIES
    IMPORTED_LOCATION "${Z3_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${Z3_INCLUDE_DIR}")
endif()
mark_as_advanced(Z3_INCLUDE_DIR Z3_LIBRARY)
