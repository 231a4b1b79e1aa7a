/*
 * Automatically generated file; DO NOT EDIT.
 * Main menu
 */
#define CONFIG_NUM 42
#define CONFIG_FROM_SHELL "one two"
