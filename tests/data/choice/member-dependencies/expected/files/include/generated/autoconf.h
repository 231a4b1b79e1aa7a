/*
 * Automatically generated file; DO NOT EDIT.
 * Main menu
 */
#define CONFIG_NEEDS_M 1
#define CONFIG_TRI_MODULE 1
#define CONFIG_MODULES 1
