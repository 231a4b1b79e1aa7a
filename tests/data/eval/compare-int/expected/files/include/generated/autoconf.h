/*
 * Automatically generated file; DO NOT EDIT.
 * Main menu
 */
#define CONFIG_GT 1
#define CONFIG_NEG -3
#define CONFIG_TEN 10
#define CONFIG_EQ_STRING_CONST 1
#define CONFIG_NINE 9
#define CONFIG_EXPR 1
#define CONFIG_NEG_LT 1
#define CONFIG_LT_CONST 1
#define CONFIG_GE_EQUAL 1
#define CONFIG_NEG_GT_MINUS 1
