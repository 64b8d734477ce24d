# Packs are data, never code: fails when the core library (loader, validator, importers, store) calls
# anything that opens a network connection, runs a program or loads code. Checked on the symbols the
# library needs from outside (nm -u), so that no path through the code, however rare, can do it.
execute_process(COMMAND ${NM} -u ${LIBRARY} OUTPUT_VARIABLE undefined RESULT_VARIABLE status)
if(NOT status EQUAL 0)
    message(FATAL_ERROR "nm could not read ${LIBRARY}")
endif()
set(forbidden
    socket connect bind listen accept accept4 getaddrinfo gethostbyname gethostbyname_r sendto recvfrom
    system popen execl execle execlp execv execve execvp execvpe fexecve fork vfork clone posix_spawn
    posix_spawnp dlopen dlsym sqlite3_load_extension sqlite3_enable_load_extension)
if(WINDOWS)
    # The Windows build's twin (-DWINDOWS=ON, mingw's nm): Winsock, WinHTTP and WinINet, processes and
    # shell execution, code loading. Windows API calls appear as __imp_NAME.
    list(APPEND forbidden
         WSAStartup WSASocketW WSAConnect WinHttpOpen WinHttpConnect InternetOpenA InternetOpenW
         InternetOpenUrlA InternetOpenUrlW URLDownloadToFileA URLDownloadToFileW CreateProcessA
         CreateProcessW CreateProcessAsUserW ShellExecuteA ShellExecuteW ShellExecuteExA ShellExecuteExW
         WinExec _popen _wpopen _wsystem _spawnl _spawnv _wspawnl _wspawnv LoadLibraryA LoadLibraryW
         LoadLibraryExA LoadLibraryExW GetProcAddress)
endif()
set(found "")
foreach(symbol IN LISTS forbidden)
    if(undefined MATCHES "(^|\n)[ \t]*U (__imp_)?${symbol}(@[^\n]*)?(\n|$)")
        list(APPEND found ${symbol})
    endif()
endforeach()
if(found)
    message(FATAL_ERROR "the core library calls ${found}: packs must stay data, never code or network")
endif()
string(REGEX MATCHALL "U [^\n]+" calls "${undefined}")
list(REMOVE_DUPLICATES calls)
list(LENGTH calls count)
list(LENGTH forbidden checked)
message(STATUS "${count} outside symbols of the core checked: none of the ${checked} network, process or "
               "code-loading calls")
