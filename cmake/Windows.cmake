# The Windows cross-build: its header-only dependencies (Debian's nlohmann-json3-dev, doctest-dev and
# libboost-dev, linked into PASSERELLES_WINDOWS_PREFIX/include by tools/package windows): the same target
# names as their Linux CMake packages, whose config files point at /usr/include and so cannot be used.
find_path(PASSERELLES_HEADER_ONLY_DIR nlohmann/json.hpp REQUIRED)
foreach(target nlohmann_json::nlohmann_json doctest::doctest Boost::headers)
    add_library(${target} INTERFACE IMPORTED)
    set_target_properties(${target} PROPERTIES INTERFACE_INCLUDE_DIRECTORIES ${PASSERELLES_HEADER_ONLY_DIR})
endforeach()
# Asio on Windows: Windows 10's socket API, and its two socket libraries.
set_property(TARGET Boost::headers APPEND PROPERTY INTERFACE_COMPILE_DEFINITIONS _WIN32_WINNT=0x0A00)
set_property(TARGET Boost::headers APPEND PROPERTY INTERFACE_LINK_LIBRARIES ws2_32 mswsock)

# Every Windows executable carries packaging/windows/passerelles.manifest (UTF-8 code page, no elevation):
# link this object library into it.
enable_language(RC)
file(WRITE ${CMAKE_BINARY_DIR}/passerelles-manifest.rc
     "1 24 \"${CMAKE_SOURCE_DIR}/packaging/windows/passerelles.manifest\"\n")
add_library(passerelles_windows_manifest OBJECT ${CMAKE_BINARY_DIR}/passerelles-manifest.rc)
