# Installs the build tree into a fresh prefix (cmake --install) and checks the installed program:
# started from PATH in an unrelated folder, it must find the content under PREFIX/share/passerelles,
# never the source tree; the pack tool validates the installed packs; the desktop files are all there.
# Arguments: -DBUILD_DIR= -DWORK_DIR= -DAPP_ID=
file(REMOVE_RECURSE ${WORK_DIR})
set(prefix ${WORK_DIR}/prefix)
set(elsewhere ${WORK_DIR}/elsewhere)
file(MAKE_DIRECTORY ${elsewhere})

function(run_checked)
    execute_process(COMMAND ${ARGN} WORKING_DIRECTORY ${elsewhere} RESULT_VARIABLE status
                    OUTPUT_VARIABLE output ERROR_VARIABLE errors)
    if(NOT status EQUAL 0)
        message(FATAL_ERROR "${ARGN}\nexit ${status}\n${output}\n${errors}")
    endif()
    set(run_errors "${errors}" PARENT_SCOPE)
endfunction()

run_checked(${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${prefix})

foreach(installed bin/passerelles bin/passerelles-pack share/passerelles/content/cahier-ludique/pack.json
        share/applications/${APP_ID}.desktop share/metainfo/${APP_ID}.metainfo.xml
        share/icons/hicolor/scalable/apps/passerelles.svg share/man/man6/passerelles.6.gz
        share/man/man1/passerelles-pack.1.gz share/doc/passerelles/copyright share/doc/passerelles/changelog.gz)
    if(NOT EXISTS ${prefix}/${installed})
        message(FATAL_ERROR "cmake --install did not install ${installed}")
    endif()
endforeach()

# The installed game as a menu entry starts it: by name, from PATH, in some other folder.
set(game ${CMAKE_COMMAND} -E env PATH=${prefix}/bin:$ENV{PATH} SDL_VIDEODRIVER=dummy passerelles --guest
         --data-dir ${WORK_DIR}/data)
run_checked(${game} --frames 3 --screenshot ${WORK_DIR}/home.png)
if(NOT EXISTS ${WORK_DIR}/home.png)
    message(FATAL_ERROR "the installed game wrote no screenshot")
endif()
run_checked(${game} --frames 3 --open quiz:cahier-ludique --screenshot ${WORK_DIR}/quiz.png)
if(run_errors MATCHES "--open" OR NOT EXISTS ${WORK_DIR}/quiz.png)
    message(FATAL_ERROR "the installed game did not open the bundled cahier-ludique quiz:\n${run_errors}")
endif()

# Proof that the content came from the prefix: a pack removed there is gone, though the source tree has it.
file(REMOVE_RECURSE ${prefix}/share/passerelles/content/acter-2024)
run_checked(${game} --frames 2 --open quiz:acter-2024)
if(NOT run_errors MATCHES "acter-2024")
    message(FATAL_ERROR "the installed game found acter-2024 outside its prefix (the source tree?)")
endif()

run_checked(${prefix}/bin/passerelles-pack validate ${prefix}/share/passerelles/content/cahier-ludique
            ${prefix}/share/passerelles/content/strategie-internationale)
file(REMOVE_RECURSE ${WORK_DIR})
