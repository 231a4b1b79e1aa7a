/*
 * Automatically generated file; DO NOT EDIT.
 * Main menu
 */
#define CONFIG_MODE_B 1
#define CONFIG_ENABLE 1
