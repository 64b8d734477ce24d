# Install rules for the desktop integration and the Debian package (CPack, DEB generator).
# tools/package deb configures a Release build, builds it and runs `cpack -G DEB`; `cmake --install` to
# any prefix gives the same tree (the game finds its content in PREFIX/share/passerelles/content).
set(PASSERELLES_APP_ID io.github.passerelles.Passerelles)
set(packaging_dir ${CMAKE_SOURCE_DIR}/packaging)

install(FILES ${packaging_dir}/${PASSERELLES_APP_ID}.desktop DESTINATION share/applications)
install(FILES ${packaging_dir}/${PASSERELLES_APP_ID}.metainfo.xml DESTINATION share/metainfo)
install(FILES ${packaging_dir}/passerelles.svg DESTINATION share/icons/hicolor/scalable/apps)
install(FILES ${packaging_dir}/copyright DESTINATION share/doc/passerelles)

# Debian wants the changelog and the manual pages compressed with gzip -9n (no name, no time stamp:
# the same bytes from every build).
find_program(GZIP_PROGRAM gzip REQUIRED)
set(compressed_dir ${CMAKE_BINARY_DIR}/packaging)
file(MAKE_DIRECTORY ${compressed_dir})
set(compressed_files)
foreach(source changelog passerelles.6 passerelles-pack.1)
    add_custom_command(OUTPUT ${compressed_dir}/${source}.gz
                       COMMAND ${GZIP_PROGRAM} -9n -c ${packaging_dir}/${source} > ${compressed_dir}/${source}.gz
                       DEPENDS ${packaging_dir}/${source} VERBATIM)
    list(APPEND compressed_files ${compressed_dir}/${source}.gz)
endforeach()
add_custom_target(passerelles_packaging_files ALL DEPENDS ${compressed_files})
# The version has no Debian revision (a native package): its changelog is changelog.gz.
install(FILES ${compressed_dir}/changelog.gz DESTINATION share/doc/passerelles)
install(FILES ${compressed_dir}/passerelles.6.gz DESTINATION share/man/man6)
install(FILES ${compressed_dir}/passerelles-pack.1.gz DESTINATION share/man/man1)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME passerelles)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "Passerelles")
set(CPACK_PACKAGE_CONTACT "Passerelles <passerelles@example.org>")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "Passerelles <passerelles@example.org>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "serious game on the external action of French local authorities")
# Debian's long description (CPack puts the summary above it and indents it): English, then French.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "Passerelles trains elected officials, town-hall staff and the trainers of
regional networks in the international action of French local authorities:
quizzes, common misconceptions, decision scenarios, a self-diagnostic, a
projector workshop where the room answers from its phones, and a forum booth.
Progress stays on the computer.

Jeu sérieux de formation à l'action extérieure des collectivités
territoriales : quiz, idées reçues, scénarios, autodiagnostic, atelier au
vidéoprojecteur (la salle répond depuis ses téléphones, sans internet) et
borne de forum. La progression reste sur l'ordinateur.")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
# education, not games: Debian puts the binaries of section games in /usr/games (lintian error
# package-section-games-but-contains-no-game), and `cmake --install` keeps them in PREFIX/bin.
set(CPACK_DEBIAN_PACKAGE_SECTION education)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# dpkg-shlibdeps computes the libraries (libsdl2, libsqlite3, libstdc++…); the fonts are read from
# /usr/share/fonts/truetype/dejavu at run time (game/ui/fonts.cpp), so they are a dependency too.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "fonts-dejavu-core")
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
include(CPack)
