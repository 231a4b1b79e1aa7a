/*
 * Automatically generated file; DO NOT EDIT.
 * Main menu
 */
#define CONFIG_SYMBOL_OK 1
