/*
 * Automatically generated file; DO NOT EDIT.
 * Main menu
 */
#define CONFIG_SECOND_NEEDS_B 1
#define CONFIG_AFTER 1
#define CONFIG_FIRST_B 1
