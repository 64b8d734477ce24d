# Draws the join URL's QR code as a PNG and reads it back with zbarimg: the code a phone scans says the URL.
execute_process(COMMAND ${QR_PNG} ${URL} ${OUTPUT} RESULT_VARIABLE status)
if(NOT status EQUAL 0)
    message(FATAL_ERROR "qr_png failed (${status})")
endif()
execute_process(COMMAND ${ZBARIMG} --quiet --raw ${OUTPUT} OUTPUT_VARIABLE decoded RESULT_VARIABLE status
                OUTPUT_STRIP_TRAILING_WHITESPACE)
if(NOT status EQUAL 0 OR NOT decoded STREQUAL URL)
    message(FATAL_ERROR "zbarimg read '${decoded}' (status ${status}) instead of '${URL}'")
endif()
message(STATUS "zbarimg reads ${decoded}")
