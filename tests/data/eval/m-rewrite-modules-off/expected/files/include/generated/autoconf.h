/*
 * Automatically generated file; DO NOT EDIT.
 * Main menu
 */
#define CONFIG_NOT_M 1
#define CONFIG_DEFAULT_M 1
#define CONFIG_BOOL_DEFAULT_M 1
