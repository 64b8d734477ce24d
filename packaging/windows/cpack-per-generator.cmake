# Read by cpack for each generator of the Windows build: the installer is named apart from the ZIP, and
# the ZIP unpacks to one folder, « passerelles-0.1.0-windows-x64 », with passerelles.exe at its top.
if(CPACK_GENERATOR MATCHES "NSIS")
    set(CPACK_PACKAGE_FILE_NAME "${CPACK_PACKAGE_FILE_NAME}-installer")
else()
    set(CPACK_INCLUDE_TOPLEVEL_DIRECTORY ON)
endif()
