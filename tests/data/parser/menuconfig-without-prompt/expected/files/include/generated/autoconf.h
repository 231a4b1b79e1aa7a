/*
 * Automatically generated file; DO NOT EDIT.
 * Main menu
 */
#define CONFIG_CHILD 1
#define CONFIG_PROMPTLESS 1
