/*
 * Automatically generated file; DO NOT EDIT.
 * Main menu
 */
#define CONFIG_I2 2
#define CONFIG_H2 0xff
#define CONFIG_S2 "d2"
#define CONFIG_I 1
#define CONFIG_H 0x1
#define CONFIG_T 1
#define CONFIG_S "default"
#define CONFIG_MODULES 1
