/*
 * Automatically generated file; DO NOT EDIT.
 * Main menu
 */
#define CONFIG_NEW_INT 3
#define CONFIG_ENABLER 1
#define CONFIG_NEW_MEMBER 1
#define CONFIG_NEW_STRING "a \"q\""
