/*
 * Automatically generated file; DO NOT EDIT.
 * Main menu
 */
#define CONFIG_GOOD 0x10
#define CONFIG_NUM 1
#define CONFIG_HEXVAL 0xzz
#define CONFIG_BADINT 12abc
#define CONFIG_CM 1
#define CONFIG_STR ""
