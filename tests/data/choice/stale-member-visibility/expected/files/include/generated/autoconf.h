/*
 * Automatically generated file; DO NOT EDIT.
 * Main menu
 */
#define CONFIG_SECOND_OTHER 1
#define CONFIG_FIRST_B 1
#define CONFIG_ASKED_BETWEEN ""
