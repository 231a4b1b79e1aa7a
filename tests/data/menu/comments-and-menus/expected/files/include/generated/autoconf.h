/*
 * Automatically generated file; DO NOT EDIT.
 * Main menu
 */
#define CONFIG_LAST 5
#define CONFIG_NESTED_SYM "value"
#define CONFIG_ON 1
#define CONFIG_OUTER_SYM 1
