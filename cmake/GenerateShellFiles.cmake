# Writes the files Sluice makes from its own verb and key descriptions: the
# man page, the bash and zsh completion scripts, and the JSON Schema of
# sluice.json. Run at build time: cmake -DSLUICE=<binary> -DOUT=<dir> -P this.
foreach(pair "manpage;man/man1/sluice.1" "completion;bash;bash-completion/completions/sluice"
             "completion;zsh;zsh/site-functions/_sluice" "schema;sluice/sluice.schema.json")
  list(POP_BACK pair file)
  get_filename_component(dir "${OUT}/${file}" DIRECTORY)
  file(MAKE_DIRECTORY "${dir}")
  execute_process(COMMAND ${CMAKE_COMMAND} -E env ASAN_OPTIONS=detect_leaks=0 LANG=C LC_ALL=C LANGUAGE= "${SLUICE}" ${pair}
                  OUTPUT_FILE "${OUT}/${file}" RESULT_VARIABLE result)
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "sluice ${pair} failed: ${result}")
  endif()
endforeach()
