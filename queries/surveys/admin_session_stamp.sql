SELECT session_stamp FROM admin_users WHERE username = $username;
