autoconfig := include/config/auto.conf

deps_config := \
	Kconfig \

$(autoconfig): $(deps_config)
$(deps_config): ;

ifneq "$(VERSION)" "6.12"
$(autoconfig): FORCE
endif
