/*
 * Automatically generated file; DO NOT EDIT.
 * Main menu
 */
#define CONFIG_STR "one-first/two"
#define CONFIG_VAR_SYM 1
