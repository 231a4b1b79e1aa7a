/*
 * Automatically generated file; DO NOT EDIT.
 * Demo 6.12 "configuration"
 */
#define CONFIG_A 1
