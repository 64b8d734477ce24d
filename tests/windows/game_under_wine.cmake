# The Windows game under Wine, in a real window on Xvfb: it opens the quiz under the profile « Élise » (an
# accented name through the Windows command line), plays two answers from --keys, writes a screenshot
# (build-windows/passerelles/screenshots/windows-quiz.png) and records the answers in its progress database. Run by ctest in the Windows build (tools/package windows --test).
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK} ${SCREENSHOTS})
# From the installed layout (what the ZIP and the installer hold): the content and the DejaVu fonts beside
# the executables, nothing from the Linux system.
execute_process(COMMAND ${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${WORK}/installed
                RESULT_VARIABLE status OUTPUT_QUIET)
if(NOT status EQUAL 0)
    message(FATAL_ERROR "cmake --install ${BUILD_DIR} failed")
endif()
set(GAME ${WORK}/installed/passerelles.exe)
foreach(file passerelles.exe passerelles-pack.exe fonts/DejaVuSans.ttf fonts/DejaVuSans-Bold.ttf
             content/glossaire.json licences/passerelles.txt licences/sdl2.txt)
    if(NOT EXISTS ${WORK}/installed/${file})
        message(FATAL_ERROR "the Windows install tree lacks ${file}")
    endif()
endforeach()
execute_process(COMMAND wine ${WORK}/installed/passerelles-pack.exe validate ${WORK}/installed/content/cahier-ludique
                RESULT_VARIABLE status OUTPUT_VARIABLE output ERROR_VARIABLE output TIMEOUT 120)
if(NOT status EQUAL 0)
    message(FATAL_ERROR "the installed passerelles-pack.exe does not validate the installed content:\n${output}")
endif()
set(png ${SCREENSHOTS}/windows-quiz.png)
file(REMOVE ${png})
execute_process(COMMAND wine ${GAME} --data-dir ${WORK}/data --open quiz:cahier-ludique --profile "Élise"
                        --keys "B,Enter,Enter,A,Enter" --frames 30 --screenshot ${png}
                RESULT_VARIABLE status OUTPUT_VARIABLE output ERROR_VARIABLE output TIMEOUT 240)
if(NOT status EQUAL 0)
    message(FATAL_ERROR "passerelles.exe under Wine ended with ${status}:\n${output}")
endif()

if(NOT EXISTS ${png})
    message(FATAL_ERROR "passerelles.exe wrote no screenshot at ${png}:\n${output}")
endif()
file(SIZE ${png} png_size)
if(png_size LESS 20000)
    message(FATAL_ERROR "the screenshot is ${png_size} bytes: an empty window, not the quiz")
endif()
set(database ${WORK}/data/progress.db)
if(NOT EXISTS ${database})
    message(FATAL_ERROR "no progress database at ${database}:\n${output}")
endif()
# Debian's python3 reads the database the Windows build wrote.
execute_process(COMMAND /usr/bin/python3 -c
                        "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('SELECT COUNT(*) FROM results JOIN profiles ON profiles.id = results.profile_id WHERE profiles.name = ?', ('Élise',)).fetchone()[0])"
                        ${database}
                RESULT_VARIABLE query_status OUTPUT_VARIABLE answers OUTPUT_STRIP_TRAILING_WHITESPACE)
if(NOT query_status EQUAL 0 OR answers LESS 2)
    message(FATAL_ERROR "the progress database holds ${answers} answers of « Élise », 2 expected")
endif()
message(STATUS "the Windows game recorded ${answers} answers and wrote ${png} (${png_size} bytes)")
