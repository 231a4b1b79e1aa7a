/*
 * Automatically generated file; DO NOT EDIT.
 * Main menu
 */
#define CONFIG_SELECTOR 1
#define CONFIG_SELECTED 1
#define CONFIG_USER_SET 1
#define CONFIG_SHOW 1
