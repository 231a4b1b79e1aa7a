/*
 * Automatically generated file; DO NOT EDIT.
 * Main menu
 */
#define CONFIG_SMALL 1
#define CONFIG_OPT_SIZE 1
