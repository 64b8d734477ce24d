# CMake toolchain for the Windows x86-64 build with Debian's mingw-w64 (posix threads), used by
# tools/package windows for the dependencies and for Passerelles itself.
# PASSERELLES_WINDOWS_PREFIX is where the dependencies built from Debian's sources are installed.
set(CMAKE_SYSTEM_NAME Windows)
set(CMAKE_SYSTEM_PROCESSOR x86_64)
set(CMAKE_C_COMPILER x86_64-w64-mingw32-gcc-posix)
set(CMAKE_CXX_COMPILER x86_64-w64-mingw32-g++-posix)
set(CMAKE_RC_COMPILER x86_64-w64-mingw32-windres)

# The prefix reaches try_compile projects too.
list(APPEND CMAKE_TRY_COMPILE_PLATFORM_VARIABLES PASSERELLES_WINDOWS_PREFIX)
if(NOT PASSERELLES_WINDOWS_PREFIX AND DEFINED ENV{PASSERELLES_WINDOWS_PREFIX})
    set(PASSERELLES_WINDOWS_PREFIX $ENV{PASSERELLES_WINDOWS_PREFIX})
endif()

# Libraries and headers come from mingw's sysroot and our prefix only, never from the Linux system.
set(CMAKE_FIND_ROOT_PATH /usr/x86_64-w64-mingw32 ${PASSERELLES_WINDOWS_PREFIX})
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)

# pkg-config reads our prefix's .pc files, and --static so that SDL2's system libraries come along
# (everything is linked statically: one passerelles.exe, no DLL to ship).
set(ENV{PKG_CONFIG_LIBDIR} ${PASSERELLES_WINDOWS_PREFIX}/lib/pkgconfig)
set(ENV{PKG_CONFIG_PATH} "")
set(PKG_CONFIG_ARGN --static)

# Static runtime: libgcc, libstdc++ and winpthread inside the executables.
set(CMAKE_EXE_LINKER_FLAGS_INIT "-static")
