/*
 * Automatically generated file; DO NOT EDIT.
 * Main menu
 */
#define CONFIG_INDENTED 1
#define CONFIG_THIRD "#hash"
#define CONFIG_SECOND 1
