/*
 * Automatically generated file; DO NOT EDIT.
 * Main menu
 */
#define CONFIG_DEFAULT_FROM_UNDEFINED "UNDEFINED_STRING"
#define CONFIG_NOT_UNDEFINED 1
#define CONFIG_SELECTS_UNDEFINED 1
