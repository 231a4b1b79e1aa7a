/*
 * Automatically generated file; DO NOT EDIT.
 * Main menu
 */
#define CONFIG_NEEDS 1
#define CONFIG_SEL 1
