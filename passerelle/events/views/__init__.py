"""Pages of the events app: public pages, coordinators' management, registrations."""
