/*
 * Automatically generated file; DO NOT EDIT.
 * Main menu
 */
#define CONFIG_GT 1
#define CONFIG_SMALL 0xff
#define CONFIG_UPPER 0XAB
#define CONFIG_INT_VS_HEX 1
#define CONFIG_ADDR 0x1000
#define CONFIG_INTVAL 4095
#define CONFIG_LT_CONST 1
#define CONFIG_EQ_DECIMAL_LOOKING 1
#define CONFIG_EQ_UPPER 1
