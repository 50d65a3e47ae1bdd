"""The guide's assessment framework in pure Python: the framework data, scoring, plans, panels."""
