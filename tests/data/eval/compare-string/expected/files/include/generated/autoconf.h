/*
 * Automatically generated file; DO NOT EDIT.
 * Main menu
 */
#define CONFIG_UNDEF_NAME 1
#define CONFIG_TRI_VS_STRING 1
#define CONFIG_S10 "10"
#define CONFIG_NAME_GT 1
#define CONFIG_NAME "abc"
#define CONFIG_TRI_GT_STR 1
#define CONFIG_NAME_EQ 1
#define CONFIG_TRI_Y 1
#define CONFIG_S9 "9"
#define CONFIG_UNDEF_TRI 1
#define CONFIG_EMPTY_EQ 1
#define CONFIG_EMPTY ""
#define CONFIG_STR_LT 1
