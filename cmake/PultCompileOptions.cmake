# Compile settings shared by every Pult target: strict Qt defines, warnings, sanitizers.
add_library(pult_compile_options INTERFACE)
target_compile_definitions(pult_compile_options INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_NO_FOREACH
    QT_NO_KEYWORDS
    QT_USE_QSTRINGBUILDER
    "PULT_VERSION=\"${PROJECT_VERSION}\"")
target_compile_options(pult_compile_options INTERFACE -Wall -Wextra -Wpedantic)
if(PULT_WARNINGS_AS_ERRORS)
    target_compile_options(pult_compile_options INTERFACE -Werror)
endif()
if(PULT_SANITIZE)
    target_compile_options(pult_compile_options INTERFACE
        -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
    target_link_options(pult_compile_options INTERFACE -fsanitize=address,undefined)
endif()
if(PULT_FUZZ)
    # Coverage instrumentation for everything the fuzz targets call; the targets add the
    # libFuzzer main themselves.
    target_compile_options(pult_compile_options INTERFACE -fsanitize=fuzzer-no-link,address,undefined)
    target_link_options(pult_compile_options INTERFACE -fsanitize=address,undefined)
endif()
