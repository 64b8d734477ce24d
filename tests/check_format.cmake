# Fails when a C++ file of ours differs from what clang-format makes of it with the checked-in .clang-format.
file(GLOB_RECURSE sources ${SOURCE_DIR}/game/*.cpp ${SOURCE_DIR}/game/*.hpp ${SOURCE_DIR}/tools/*.cpp
     ${SOURCE_DIR}/tools/*.hpp ${SOURCE_DIR}/tests/*.cpp ${SOURCE_DIR}/tests/*.hpp ${SOURCE_DIR}/bench/*.cpp
     ${SOURCE_DIR}/bench/*.hpp)
execute_process(COMMAND ${CLANG_FORMAT} --dry-run --Werror ${sources}
                WORKING_DIRECTORY ${SOURCE_DIR} RESULT_VARIABLE status ERROR_VARIABLE report)
if(NOT status EQUAL 0)
    message(FATAL_ERROR "Not formatted (run clang-format -i on these files):\n${report}")
endif()
list(LENGTH sources count)
message(STATUS "${count} files formatted as .clang-format says")
