# Install rules and CPack generators of the Windows build (tools/package windows): a portable ZIP and a
# per-user NSIS installer, both holding passerelles.exe, passerelles-pack.exe, the content, the DejaVu
# fonts (Windows has none of its own with every glyph the French text needs) and the licences of what the
# executables bundle (everything is linked statically: no DLL).
set(PASSERELLES_WINDOWS_SOURCES "" CACHE PATH "build-windows/sources: the Debian source packages built for Windows")
set(dejavu /usr/share/fonts/truetype/dejavu)
install(FILES ${dejavu}/DejaVuSans.ttf ${dejavu}/DejaVuSans-Bold.ttf DESTINATION fonts)

# One licence file per bundled part, named after it: Debian's copyright files say who wrote what, under
# which licence, for the exact version built.
set(licences ${CMAKE_BINARY_DIR}/licences)
file(MAKE_DIRECTORY ${licences})
set(licence_sources
    passerelles=${CMAKE_SOURCE_DIR}/packaging/copyright
    sdl2=${PASSERELLES_WINDOWS_SOURCES}/libsdl2-2.26.5+dfsg/debian/copyright
    imgui=${PASSERELLES_WINDOWS_SOURCES}/imgui-1.86+ds/debian/copyright
    sqlite=${PASSERELLES_WINDOWS_SOURCES}/sqlite3-3.40.1/debian/copyright
    qrcodegen=${PASSERELLES_WINDOWS_SOURCES}/qr-code-generator-1.8.0/Readme.markdown
    nlohmann-json=/usr/share/doc/nlohmann-json3-dev/copyright
    boost=/usr/share/doc/libboost1.74-dev/copyright
    stb=/usr/share/doc/libstb-dev/copyright
    dejavu-fonts=/usr/share/doc/fonts-dejavu-core/copyright
    mingw-w64-runtime=/usr/share/doc/mingw-w64-x86-64-dev/copyright
    gcc-runtime=/usr/share/doc/gcc-mingw-w64-base/copyright)
foreach(entry ${licence_sources})
    string(REPLACE "=" ";" pair ${entry})
    list(GET pair 0 name)
    list(GET pair 1 source)
    if(NOT EXISTS ${source})
        message(FATAL_ERROR "The licence of ${name} is missing: ${source} (run tools/package windows)")
    endif()
    # Windows' Notepad wants CRLF line ends.
    configure_file(${source} ${licences}/${name}.txt NEWLINE_STYLE CRLF)
endforeach()
install(DIRECTORY ${licences}/ DESTINATION licences)

set(CPACK_GENERATOR "ZIP;NSIS64")
set(CPACK_PACKAGE_NAME passerelles)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "Passerelles")
set(CPACK_PACKAGE_FILE_NAME passerelles-${PROJECT_VERSION}-windows-x64)
set(CPACK_STRIP_FILES ON)
# NSIS: our own script (packaging/windows/NSIS.template.in): CMake's asks for administrator rights and
# writes to HKLM, which the trainers' laptops do not allow.
list(PREPEND CMAKE_MODULE_PATH ${CMAKE_SOURCE_DIR}/packaging/windows)
set(CPACK_NSIS_PACKAGE_NAME "Passerelles")
set(CPACK_NSIS_DISPLAY_NAME "Passerelles")
set(CPACK_NSIS_COMPRESSOR "/SOLID lzma")
set(CPACK_PACKAGE_INSTALL_DIRECTORY Passerelles)
# The installer's own name (CPack would give both outputs the ZIP's) and the ZIP's top folder, chosen per
# generator at cpack time.
set(CPACK_PROJECT_CONFIG_FILE ${CMAKE_SOURCE_DIR}/packaging/windows/cpack-per-generator.cmake)
include(CPack)
