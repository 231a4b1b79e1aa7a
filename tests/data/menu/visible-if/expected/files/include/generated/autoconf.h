/*
 * Automatically generated file; DO NOT EDIT.
 * Main menu
 */
#define CONFIG_DEFAULTED 1
#define CONFIG_SELECTOR 1
#define CONFIG_SELECTED 1
