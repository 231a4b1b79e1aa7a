/*
 * Automatically generated file; DO NOT EDIT.
 * Main menu
 */
#define CONFIG_HIDDEN_INT 4
#define CONFIG_HIDDEN_PROMPT 1
#define CONFIG_HIDDEN_STRING "kept"
#define CONFIG_NO_PROMPT 1
